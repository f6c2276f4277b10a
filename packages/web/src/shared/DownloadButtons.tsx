import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadDataUrl, downloadXlsx, type CsvCell } from './download.ts';

/**
 * "Tải Excel (XLSX)" and "Tải CSV" for a table shown on screen; the rows
 * (header first) are built only when a button is pressed. `fileName` has no
 * extension; `sheet` names the workbook's sheet.
 */
export function TableDownloads({ fileName, sheet, rows }: { fileName: string; sheet: string; rows: () => CsvCell[][] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        variant="default"
        size="sm"
        h={40}
        leftSection={<IconFileSpreadsheet size={18} />}
        onClick={() => void downloadXlsx(`${fileName}.xlsx`, sheet, rows())}
      >
        {t('common.downloadXlsx')}
      </Button>
      <Button variant="default" size="sm" h={40} onClick={() => downloadCsv(`${fileName}.csv`, rows())}>
        {t('common.downloadCsv')}
      </Button>
    </Group>
  );
}

/** "Tải ảnh (PNG)" for a chart; `image` answers null while the chart is not drawn yet. */
export function PngButton({ fileName, image }: { fileName: string; image: () => string | null }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      size="sm"
      h={40}
      leftSection={<IconPhoto size={18} />}
      onClick={() => {
        const url = image();
        if (url) downloadDataUrl(fileName, url);
      }}
    >
      {t('common.downloadPng')}
    </Button>
  );
}
