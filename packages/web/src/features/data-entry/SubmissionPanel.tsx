import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconLockOpen, IconSend } from '@tabler/icons-react';
import { actionAllowed, formatMoment, type SubmissionAction } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useSubmissionAction } from './queries.ts';
import type { Entry } from './types.ts';
import { violationText } from './violations.ts';
import type { EntryTarget } from '../../shared/report-forms/types.ts';

type ReasonAction = Extract<SubmissionAction, 'return' | 'unlock'>;

/** Trả lại and Mở khóa need a reason (Lý do trả lại / Lý do mở khóa). */
function ReasonModal({ action, target, onClose }: { action: ReasonAction; target: EntryTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useSubmissionAction(target);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    act.mutate({ action, comment: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(action === 'return' ? 'entry.reason.returnTitle' : 'entry.reason.unlockTitle')} centered>
      <Stack>
        <Textarea
          label={t(action === 'return' ? 'entry.reason.return' : 'entry.reason.unlock')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('entry.reason.required') : undefined}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
        />
        {act.isError && <ErrorAlert error={act.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={action === 'return' ? 'orange' : 'blue'} onClick={confirm} loading={act.isPending}>
            {t(`entry.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SubmissionEvents({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (entry.submission.events.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('entry.events.title')}
      </Text>
      <List size="sm" spacing={2}>
        {[...entry.submission.events].reverse().map((e, i) => (
          <List.Item key={`${e.at}-${i}`}>
            {t('entry.events.line', { at: formatMoment(e.at), actor: e.actor, action: t(`entry.actions.${e.action}`) })}
            {e.comment ? ` — ${e.comment}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

type Permissions = Record<SubmissionAction, boolean>;

/** Gửi for the reporting unit; Phê duyệt, Trả lại, Mở khóa for approvers — only those the status allows. */
function ActionButtons({
  can,
  pending,
  onSubmit,
  onWithdraw,
  onApprove,
  onReason,
}: {
  can: Permissions;
  pending: boolean;
  onSubmit: () => void;
  onWithdraw: () => void;
  onApprove: () => void;
  onReason: (action: ReasonAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      {can.submit && (
        <Button leftSection={<IconSend size={18} />} onClick={onSubmit} loading={pending} size="md">
          {t('entry.actions.submit')}
        </Button>
      )}
      {can.withdraw && (
        <Button variant="default" leftSection={<IconArrowBackUp size={18} />} onClick={onWithdraw} loading={pending} size="md">
          {t('entry.actions.withdraw')}
        </Button>
      )}
      {can.approve && (
        <Button color="green" leftSection={<IconCheck size={18} />} onClick={onApprove} loading={pending} size="md">
          {t('entry.actions.approve')}
        </Button>
      )}
      {can.return && (
        <Button color="orange" variant="light" leftSection={<IconArrowBackUp size={18} />} onClick={() => onReason('return')} size="md">
          {t('entry.actions.return')}
        </Button>
      )}
      {can.unlock && (
        <Button variant="light" leftSection={<IconLockOpen size={18} />} onClick={() => onReason('unlock')} size="md">
          {t('entry.actions.unlock')}
        </Button>
      )}
    </Group>
  );
}

/** Below the grid: the rule violations, the explanation they need, and the buttons the user's permissions allow. */
export function SubmissionPanel({ entry, target }: { entry: Entry; target: EntryTarget }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const act = useSubmissionAction(target);
  const [explanation, setExplanation] = useState('');
  const [explanationMissing, setExplanationMissing] = useState(false);
  const [reasonFor, setReasonFor] = useState<ReasonAction | null>(null);
  const status = entry.submission.status;
  const violations = entry.violations;
  const can: Permissions = {
    submit: entry.canEdit && actionAllowed(status, 'submit'),
    withdraw: entry.canWithdraw && actionAllowed(status, 'withdraw'),
    approve: entry.canApprove && actionAllowed(status, 'approve'),
    return: entry.canApprove && actionAllowed(status, 'return'),
    unlock: entry.canApprove && actionAllowed(status, 'unlock'),
  };
  const needsExplanation = can.submit && violations.length > 0;

  const submit = () => {
    if (needsExplanation && explanation.trim() === '') {
      setExplanationMissing(true);
      return;
    }
    act.mutate({ action: 'submit', comment: explanation.trim() || null }, { onSuccess: () => setExplanation('') });
  };

  const anyAction = can.submit || can.withdraw || can.approve || can.return || can.unlock;
  if (!anyAction && violations.length === 0 && entry.submission.events.length === 0) return null;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section">
      <Stack>
        {violations.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={t('entry.violationsTitle', { count: violations.length })}
            data-testid="violations"
          >
            <List size="sm" spacing={4}>
              {violations.map((v, i) => (
                <List.Item key={`${v.rule}-${i}`}>{violationText(v, lang, entry.elements)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {needsExplanation && (
          <Textarea
            label={t('entry.explanation')}
            description={t('entry.explanationHint')}
            value={explanation}
            onChange={(e) => {
              setExplanation(e.currentTarget.value);
              setExplanationMissing(false);
            }}
            error={explanationMissing ? t('entry.explanationRequired') : undefined}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
        )}
        {act.isError && <ErrorAlert error={act.error} />}
        {anyAction && (
          <ActionButtons
            can={can}
            pending={act.isPending}
            onSubmit={submit}
            onWithdraw={() => act.mutate({ action: 'withdraw', comment: null })}
            onApprove={() => act.mutate({ action: 'approve', comment: null })}
            onReason={setReasonFor}
          />
        )}
        <SubmissionEvents entry={entry} />
      </Stack>
      {reasonFor && <ReasonModal action={reasonFor} target={target} onClose={() => setReasonFor(null)} />}
    </Paper>
  );
}
