import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatMoment } from '@vetplan/domain';
import { IconCircleCheck, IconKey, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { ROLE_LABELS } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useSetUserDisabled } from './queries.ts';
import type { User } from './types.ts';
import { EditUserDialog, ResetPasswordDialog } from './UserDialogs.tsx';

function ConfirmToggle({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toggle = useSetUserDisabled();
  const disabling = user ? !user.disabled : true;
  const close = () => {
    toggle.reset();
    onClose();
  };
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={disabling ? t('users.confirm.disableTitle') : t('users.confirm.enableTitle')}
      centered
    >
      {user && (
        <Stack>
          <Text>
            {disabling
              ? t('users.confirm.disableText', { username: user.username })
              : t('users.confirm.enableText', { username: user.username })}
          </Text>
          {toggle.isError && <ErrorAlert error={toggle.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={disabling ? 'red' : 'blue'}
              loading={toggle.isPending}
              onClick={() => toggle.mutate({ username: user.username, disabled: disabling }, { onSuccess: close })}
            >
              {disabling ? t('users.disable') : t('users.enable')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

interface RowActions {
  onToggle: (user: User) => void;
  onEdit: (user: User) => void;
  onReset: (user: User) => void;
}

function UserRow({ user, isSelf, onToggle, onEdit, onReset }: { user: User; isSelf: boolean } & RowActions) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const action = user.disabled ? t('users.enable') : t('users.disable');
  return (
    <Table.Tr>
      <Table.Td fw={600}>{user.username}</Table.Td>
      <Table.Td>{user.displayName ?? '—'}</Table.Td>
      <Table.Td>{ROLE_LABELS[user.role][lang]}</Table.Td>
      <Table.Td>
        {user.scope.name}
        <Text span c="dimmed" size="xs">
          {' '}({user.scope.code})
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" c={user.disabled ? 'dimmed' : 'green.8'}>
          {user.disabled ? <IconLock size={16} aria-hidden /> : <IconCircleCheck size={16} aria-hidden />}
          <Text size="sm" fw={500} c="inherit" style={{ whiteSpace: 'nowrap' }}>
            {user.disabled ? t('users.status.disabled') : t('users.status.active')}
          </Text>
        </Group>
        {user.mustChangePassword && (
          <Text size="xs" c="orange.8">
            {t('users.status.mustChange')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatMoment(user.lastLoginAt)}</Table.Td>
      <Table.Td w={300}>
        <Group gap="xs">
        <Button size="sm" h={40} variant="light" leftSection={<IconPencil size={16} />} onClick={() => onEdit(user)} aria-label={`${t('users.edit.action')}: ${user.username}`}>
          {t('users.edit.action')}
        </Button>
        {!isSelf && (
          <Button size="sm" h={40} variant="light" color="orange" leftSection={<IconKey size={16} />} onClick={() => onReset(user)} aria-label={`${t('users.reset.action')}: ${user.username}`}>
            {t('users.reset.action')}
          </Button>
        )}
        {/* No lock button on one's own row: an admin must not lock themself out. */}
        {!isSelf && (
          <Button
            size="sm"
            h={40}
            variant="light"
            color={user.disabled ? 'blue' : 'red'}
            leftSection={user.disabled ? <IconLockOpen size={16} /> : <IconLock size={16} />}
            onClick={() => onToggle(user)}
            aria-label={`${action}: ${user.username}`}
          >
            {action}
          </Button>
        )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function UserTable({ users, me }: { users: User[]; me: string }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns = ['username', 'displayName', 'role', 'scope', 'status', 'lastLogin'] as const;
  return (
    <>
      {/* pos=relative keeps visually hidden (absolute) cells inside the scroller, not widening the page. */}
      <Table.ScrollContainer minWidth={1000} type="native" pos="relative">
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>{t(`users.columns.${column}`)}</Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <UserRow key={user.username} user={user} isSelf={user.username === me} onToggle={setPending} onEdit={setEditing} onReset={setResetting} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmToggle user={pending} onClose={() => setPending(null)} />
      <EditUserDialog user={editing} isSelf={editing?.username === me} onClose={() => setEditing(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
