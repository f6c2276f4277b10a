import { Center, Container, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { DemoRemovalPanel } from './DemoRemoval.tsx';
import { useUsers } from './queries.ts';
import { UserTable } from './UserTable.tsx';

/** Người dùng (admin only): accounts, their roles and scopes. */
export default function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const me = useMe();
  return (
    <Container size="lg" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack>
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {users.isPending && (
            <Center py="lg">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )}
          {users.isError && <ErrorAlert error={users.error} />}
          {users.data && <UserTable users={users.data} me={me.data?.user.username ?? ''} />}
        </Paper>
        <CreateUserForm />
        <DemoRemovalPanel />
      </Stack>
    </Container>
  );
}
