import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconKey } from '@tabler/icons-react';
import { ROLE_LABELS, ROLES, isRole, type Role } from '@vetplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { detailField, isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useResetPassword, useUpdateUser } from './queries.ts';
import { ScopeHelp, ScopeSelect } from './ScopeSelect.tsx';
import type { User, UserChanges } from './types.ts';

const MIN_PASSWORD = 8;

function fieldError(error: unknown, field: string, lang: 'vi' | 'en'): string | undefined {
  if (!isApiError(error)) return undefined;
  const detail = error.details.find((d) => detailField(d) === field);
  return detail ? (lang === 'en' ? detail.messageEn : detail.messageVi) : undefined;
}

function EditForm({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(user.role);
  const [org, setOrg] = useState<string | null>(user.scope.code);
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [active, setActive] = useState(!user.disabled);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes: UserChanges = {};
    if (role !== user.role) changes.role = role;
    if (org && org !== user.scope.code) changes.org = org;
    if ((displayName.trim() || null) !== user.displayName) changes.displayName = displayName.trim() || null;
    if (email.trim() !== (user.email ?? '')) changes.email = email.trim();
    if (active !== !user.disabled) changes.active = active;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ username: user.username, changes }, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {update.isError && <ErrorAlert error={update.error} withDetails fieldsShownInline={['role', 'org', 'displayName', 'email']} />}
        <TextInput
          label={t('users.form.displayName')}
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={fieldError(update.error, 'displayName', lang)}
        />
        <Select
          label={t('users.form.role')}
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          value={role}
          allowDeselect={false}
          onChange={(v) => isRole(v) && setRole(v)}
          error={fieldError(update.error, 'role', lang)}
          comboboxProps={{ withinPortal: true }}
        />
        <ScopeSelect value={org} onChange={setOrg} error={fieldError(update.error, 'org', lang)} />
        <ScopeHelp />
        <TextInput
          label={t('users.form.email')}
          description={t('users.form.emailHelp')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(update.error, 'email', lang)}
        />
        {/* An administrator must not lock themself out. */}
        <Switch
          label={t('users.edit.active')}
          checked={active}
          disabled={isSelf}
          onChange={(e) => setActive(e.currentTarget.checked)}
          size="md"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={update.isPending}>
            {t('users.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sửa người dùng: role, scope, name and whether the account is active. */
export function EditUserDialog({ user, isSelf, onClose }: { user: User | null; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.edit.title', { username: user.username }) : ''}
      centered
      size="lg"
    >
      {user && <EditForm key={user.username} user={user} isSelf={isSelf} onClose={onClose} />}
    </Modal>
  );
}

function ResetForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ([...password].length < MIN_PASSWORD) return setLocal(t('users.form.passwordTooShort', { min: MIN_PASSWORD }));
    reset.mutate({ username: user.username, password });
  }

  if (reset.isSuccess) {
    return (
      <Stack>
        <Alert color="green" role="status" icon={<IconCheck />}>
          {t('users.reset.done', { username: user.username })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('users.reset.close')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('users.reset.text', { username: user.username })}</Text>
        {reset.isError && <ErrorAlert error={reset.error} withDetails fieldsShownInline={['password']} />}
        <PasswordInput
          label={t('users.reset.password')}
          description={t('users.form.passwordHint', { min: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            setLocal(undefined);
          }}
          error={local ?? fieldError(reset.error, 'password', lang)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" leftSection={<IconKey size={18} />} loading={reset.isPending}>
            {t('users.reset.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Đặt lại mật khẩu: a new password the user must change at the next login. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.reset.title')} centered>
      {user && <ResetForm key={user.username} user={user} onClose={onClose} />}
    </Modal>
  );
}
