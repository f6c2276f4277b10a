import { Table } from '@mantine/core';
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

/** The heading of an administrative document: the issuing body and number on the left, the national motto, place and date on the right. */
function ReportHeader({ header: h }: { header: ReportModel['header'] }) {
  return (
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
  );
}

/** The targets table: one row per target, marked with its status. */
function TargetsTable({ model }: { model: ReportModel }) {
  return (
    <div className={classes.tableWrap}>
      <Table withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            {model.results.tableHeader.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.results.tableRows.map((row, i) => (
            <Table.Tr key={i} data-status={model.targets[i]?.status}>
              {row.map((cell, j) => (
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Nơi nhận on the left; the signer's authority, title and name on the right. */
function SignatureBlock({ recipients, signature: s }: { recipients: ReportModel['recipients']; signature: ReportModel['signature'] }) {
  return (
    <div className={classes.signRow}>
      <div className={classes.recipients}>
        <div className={`${classes.bold} ${classes.italic}`}>Nơi nhận:</div>
        {recipients.map((r) => (
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
  );
}

/** The report as a page of paper: the same model the DOCX and PDF are rendered from. */
export function ReportPreview({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  return (
    <article className={classes.paper} aria-label={t('reports.preview')} data-testid="report-preview">
      <ReportHeader header={model.header} />
      <p className={classes.title}>{model.docType}</p>
      <p className={classes.summary}>{model.summary}</p>
      <p className={classes.body}>{model.intro}</p>
      <Section section={model.sections.general} />
      <p className={classes.heading}>{model.results.heading}</p>
      <p className={classes.heading}>{model.results.targetsHeading}</p>
      <p className={classes.body}>{model.results.targetsIntro}</p>
      <TargetsTable model={model} />
      <p className={classes.heading}>{model.results.tasksHeading}</p>
      {model.taskGroups.map((g) => (
        <div key={g.code}>
          <p className={classes.subheading}>{g.heading}</p>
          {g.tasks.map((task) => (
            <div key={task.code}>
              {task.lines.map((line, i) => (
                <p key={i} className={line.kind === 'title' ? `${classes.body} ${classes.italic}` : classes.body}>
                  {line.text}
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
      <SignatureBlock recipients={model.recipients} signature={model.signature} />
    </article>
  );
}
