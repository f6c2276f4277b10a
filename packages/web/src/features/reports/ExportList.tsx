import { Anchor, Table, Text } from '@mantine/core';
import { formatMoment, formatNumber } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { exportFileUrl, type ReportKey } from './api.ts';
import { useExportedReports } from './queries.ts';

/** Every kept export of the plan and unit, with who and when. */
export function ExportList({ reportKey }: { reportKey: ReportKey }) {
  const { t } = useTranslation();
  const exports = useExportedReports(reportKey);
  if (exports.isError) return <ErrorAlert error={exports.error} />;
  if (!exports.data) return null;
  if (exports.data.length === 0) return <Text c="dimmed">{t('reports.noExports')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped data-testid="report-exports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.file')}</Table.Th>
            <Table.Th>{t('reports.period')}</Table.Th>
            <Table.Th>{t('reports.exportedBy')}</Table.Th>
            <Table.Th>{t('reports.exportedAt')}</Table.Th>
            <Table.Th>{t('reports.size')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {exports.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor href={exportFileUrl(e.id)} download={e.fileName}>
                  {e.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>{e.period}</Table.Td>
              <Table.Td>{e.createdBy}</Table.Td>
              <Table.Td>{formatMoment(e.createdAt)}</Table.Td>
              <Table.Td>{formatNumber(e.sizeBytes / 1024, { maxDecimals: 0 })} KB</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
