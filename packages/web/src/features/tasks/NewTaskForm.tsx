import { Button, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TASK_RECURRENCES, TASK_REPORTING, type TaskRecurrence, type TaskReporting } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { num, str } from '../../api/decode.ts';
import { DayInput } from '../../shared/DayInput.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { usePlan } from '../../shared/plan/queries.ts';
import { taskKeys } from './queries.ts';

interface NewTask {
  plan: string;
  group: string;
  title: string;
  content: string;
  lead: string[];
  coordinating: string[];
  startOn: string;
  recurrence: TaskRecurrence;
  reporting: TaskReporting | null;
  dueOn: string | null;
}

const createTask = (body: NewTask) =>
  apiSend('POST', '/api/tasks', body, (o) => ({ code: str(o, 'code'), assignments: num(o, 'assignments') }));

/** An empty new task of the plan: continuous, reported six-monthly. */
function blankTask(plan: string): NewTask {
  return {
    plan,
    group: '',
    title: '',
    content: '',
    lead: [],
    coordinating: [],
    startOn: '',
    recurrence: 'continuous',
    reporting: 'six_monthly',
    dueOn: null,
  };
}

/** When the task starts, how it recurs, and its due date (a one-off task) or how often it reports. */
function ScheduleFields({ form, set }: { form: NewTask; set: <K extends keyof NewTask>(key: K, value: NewTask[K]) => void }) {
  const { t } = useTranslation();
  const once = form.recurrence === 'once';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <DayInput label={t('tasks.create.startOn')} value={form.startOn} onChange={(v) => set('startOn', v)} required />
      <Select
        label={t('tasks.create.recurrence')}
        data={TASK_RECURRENCES.map((r) => ({ value: r, label: t(`tasks.create.recurrences.${r}`) }))}
        value={form.recurrence}
        onChange={(v) => v && set('recurrence', v as TaskRecurrence)}
        allowDeselect={false}
      />
      {once ? (
        <DayInput label={t('tasks.create.dueOn')} value={form.dueOn ?? ''} onChange={(v) => set('dueOn', v || null)} required />
      ) : (
        <Select
          label={t('tasks.create.reporting')}
          data={TASK_REPORTING.map((r) => ({ value: r, label: t(`tasks.create.reportings.${r}`) }))}
          value={form.reporting}
          onChange={(v) => v && set('reporting', v as TaskReporting)}
          allowDeselect={false}
        />
      )}
    </SimpleGrid>
  );
}

/** Thêm nhiệm vụ: a plan manager adds a task with its lead and coordinating units and its due rule. */
export function NewTaskForm({ plan, opened, onClose }: { plan: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const planQuery = usePlan(plan);
  const client = useQueryClient();
  const [form, setForm] = useState<NewTask>(() => blankTask(plan));
  const create = useMutation({
    mutationFn: createTask,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: taskKeys.all });
      onClose();
    },
  });
  const set = <K extends keyof NewTask>(key: K, value: NewTask[K]) => setForm((f) => ({ ...f, [key]: value }));
  const p = planQuery.data;
  const parties = p
    ? [...p.groups.map((g) => ({ value: g.code, label: g.name })), ...p.organisations.map((o) => ({ value: o.code, label: o.name }))]
    : [];
  const once = form.recurrence === 'once';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('tasks.create.title')}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ ...form, reporting: once ? null : form.reporting, dueOn: once ? form.dueOn : null });
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('tasks.create.group')}
            data={(p?.taskGroups ?? []).map((g) => ({ value: g.code, label: `${g.code}. ${g.title}` }))}
            value={form.group || null}
            onChange={(v) => set('group', v ?? '')}
            required
          />
          <TextInput label={t('tasks.create.name')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} required />
          <Textarea
            label={t('tasks.content')}
            value={form.content}
            onChange={(e) => set('content', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('tasks.create.lead')}
            data={parties}
            value={form.lead}
            onChange={(v) => set('lead', v)}
            searchable
            required
          />
          <MultiSelect
            label={t('tasks.create.coordinating')}
            data={parties}
            value={form.coordinating}
            onChange={(v) => set('coordinating', v)}
            searchable
          />
          <ScheduleFields form={form} set={set} />
          {create.isError && <ErrorAlert error={create.error} />}
          <Button type="submit" h={44} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('tasks.create.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
