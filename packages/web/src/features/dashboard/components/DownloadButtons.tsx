import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadDataUrl, type CsvCell } from '../download.ts';

/** "Tải Excel (CSV)": the rows are built only when the button is pressed. */
export function CsvButton({ fileName, rows, label }: { fileName: string; rows: () => CsvCell[][]; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      size="sm"
      h={40}
      leftSection={<IconFileSpreadsheet size={18} />}
      onClick={() => downloadCsv(fileName, rows())}
      aria-label={label}
    >
      {t('dashboard.csv')}
    </Button>
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
      {t('dashboard.png')}
    </Button>
  );
}
