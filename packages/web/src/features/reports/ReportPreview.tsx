import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Narrative, ReportModel } from './api.ts';
import classes from './reports.module.css';

function Section({ section }: { section: Narrative }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={classes.heading}>
        {section.heading}
        {section.source === 'draft' && <span className={classes.draftMark}> ({t('reports.edited')})</span>}
      </p>
      {section.paragraphs.map((p, i) => (
        <p key={i} className={classes.body}>
          {p}
        </p>
      ))}
    </>
  );
}

/** The report as a page of paper: the same model the DOCX and PDF are rendered from. */
export function ReportPreview({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  const h = model.header;
  const s = model.signature;
  return (
    <article className={classes.paper} aria-label={t('reports.preview')} data-testid="report-preview">
      <div className={classes.headerRow}>
        <div className={classes.headerLeft}>
          {h.parentBody && <div>{h.parentBody}</div>}
          {h.body.map((line) => (
            <div key={line} className={classes.bold}>
              {line}
            </div>
          ))}
          <hr className={classes.rule} />
          <div className={classes.preserve}>{h.number}</div>
        </div>
        <div className={classes.headerRight}>
          <div className={classes.bold}>{h.nationalName}</div>
          <div className={classes.bold}>{h.motto}</div>
          <hr className={classes.rule} />
          <div className={classes.italic}>{h.placeDate}</div>
        </div>
      </div>
      <p className={classes.title}>{model.docType}</p>
      <p className={classes.summary}>{model.summary}</p>
      <p className={classes.body}>{model.intro}</p>
      <Section section={model.sections.general} />
      <p className={classes.heading}>II. KẾT QUẢ THỰC HIỆN</p>
      <p className={classes.heading}>1. Kết quả thực hiện các chỉ tiêu</p>
      <div className={classes.tableWrap}>
        <Table withTableBorder withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>STT</Table.Th>
              <Table.Th>Chỉ tiêu</Table.Th>
              <Table.Th>Kế hoạch</Table.Th>
              <Table.Th>Kết quả</Table.Th>
              <Table.Th>Đánh giá</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.targets.map((target, i) => (
              <Table.Tr key={target.indicator} data-status={target.status}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{target.name}</Table.Td>
                <Table.Td>{target.targetText}</Table.Td>
                <Table.Td>{target.valueYear !== null ? `${target.valueText} (năm ${target.valueYear})` : target.valueText}</Table.Td>
                <Table.Td>{target.statusText}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <p className={classes.heading}>2. Kết quả thực hiện các nhiệm vụ, giải pháp</p>
      {model.taskGroups.map((g, gi) => (
        <div key={g.code}>
          <p className={classes.subheading}>
            2.{gi + 1}. {g.title}
          </p>
          {g.tasks.map((task) => (
            <div key={task.code}>
              <p className={`${classes.body} ${classes.italic}`}>
                {task.code}. {task.title}
              </p>
              <p className={classes.body}>
                Chủ trì: {task.lead.join(', ')}
                {task.coordinating.length > 0 && `; phối hợp: ${task.coordinating.join(', ')}`}.
              </p>
              {task.instances.length === 0 ? (
                <p className={classes.body}>Chưa giao nhiệm vụ cho đơn vị trong kỳ báo cáo.</p>
              ) : (
                task.instances.map((i) => (
                  <Text key={`${i.org}`} size="sm" className={classes.body}>
                    - {i.orgName}: {i.statusText}
                    {i.percent !== null ? ` (${i.percent}%)` : ''}
                  </Text>
                ))
              )}
              {task.narrative.map((line, i) => (
                <p key={i} className={classes.body}>
                  - {line}
                </p>
              ))}
            </div>
          ))}
        </div>
      ))}
      <Section section={model.sections.difficulties} />
      <Section section={model.sections.proposals} />
      <Section section={model.sections.nextTasks} />
      <p className={classes.body}>{model.closing}</p>
      <div className={classes.signRow}>
        <div className={classes.recipients}>
          <div className={`${classes.bold} ${classes.italic}`}>Nơi nhận:</div>
          {model.recipients.map((r) => (
            <div key={r}>- {r}</div>
          ))}
        </div>
        <div className={classes.signature}>
          {[s.authority, s.delegation, s.title].filter(Boolean).map((line) => (
            <div key={line} className={classes.bold}>
              {line}
            </div>
          ))}
          <div className={classes.signSpace} />
          <div className={classes.bold}>{s.name}</div>
        </div>
      </div>
    </article>
  );
}
