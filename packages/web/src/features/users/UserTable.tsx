import { Button, Group, Modal, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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

/** Edit, reset the password, lock or unlock: the buttons of one user, in the row or on the card. */
function UserActions({ user, isSelf, onToggle, onEdit, onReset }: { user: User; isSelf: boolean } & RowActions) {
  const { t } = useTranslation();
  const action = user.disabled ? t('users.enable') : t('users.disable');
  return (
    <Group gap="xs">
      <Button
        size="sm"
        h={44}
        variant="light"
        leftSection={<IconPencil size={16} />}
        onClick={() => onEdit(user)}
        aria-label={`${t('users.edit.action')}: ${user.username}`}
      >
        {t('users.edit.action')}
      </Button>
      {!isSelf && (
        <Button
          size="sm"
          h={44}
          variant="light"
          color="orange"
          leftSection={<IconKey size={16} />}
          onClick={() => onReset(user)}
          aria-label={`${t('users.reset.action')}: ${user.username}`}
        >
          {t('users.reset.action')}
        </Button>
      )}
      {/* No lock button on one's own row: an admin must not lock themself out. */}
      {!isSelf && (
        <Button
          size="sm"
          h={44}
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
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

function UserRow(props: { user: User; isSelf: boolean } & RowActions) {
  const { lang } = useLang();
  const { user } = props;
  return (
    <Table.Tr data-testid="user-row">
      <Table.Td fw={600}>{user.username}</Table.Td>
      <Table.Td>{user.displayName ?? '—'}</Table.Td>
      <Table.Td>{ROLE_LABELS[user.role][lang]}</Table.Td>
      <Table.Td>
        {user.scope.name}
        <Text span c="dimmed" size="xs">
          {' '}
          ({user.scope.code})
        </Text>
      </Table.Td>
      <Table.Td>
        <UserStatus user={user} />
      </Table.Td>
      <Table.Td>{formatMoment(user.lastLoginAt)}</Table.Td>
      <Table.Td w={300}>
        <UserActions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a phone, a user is a card: name and role first, the buttons always in view. */
function UserCard(props: { user: User; isSelf: boolean } & RowActions) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { user } = props;
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="user-row">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Text fw={600}>{user.displayName ?? user.username}</Text>
            {user.displayName && (
              <Text size="sm" c="dimmed">
                {user.username}
              </Text>
            )}
          </div>
          <div>
            <UserStatus user={user} />
          </div>
        </Group>
        <Text size="sm">
          {ROLE_LABELS[user.role][lang]} · {user.scope.name}{' '}
          <Text span c="dimmed" size="xs">
            ({user.scope.code})
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {t('users.columns.lastLogin')}: {formatMoment(user.lastLoginAt)}
        </Text>
        <UserActions {...props} />
      </Stack>
    </Paper>
  );
}

export function UserTable({ users, me }: { users: User[]; me: string }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns = ['username', 'displayName', 'role', 'scope', 'status', 'lastLogin'] as const;
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const actions = { onToggle: setPending, onEdit: setEditing, onReset: setResetting };
  return (
    <>
      {narrow ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="users-table">
          {users.map((user) => (
            <UserCard key={user.username} user={user} isSelf={user.username === me} {...actions} />
          ))}
        </Stack>
      ) : (
        // pos=relative keeps visually hidden (absolute) cells inside the scroller, not widening the page.
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
                <UserRow key={user.username} user={user} isSelf={user.username === me} {...actions} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmToggle user={pending} onClose={() => setPending(null)} />
      <EditUserDialog user={editing} isSelf={editing?.username === me} onClose={() => setEditing(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
