import { Alert, Box, Button, Container, Group, Paper, Stack, Title } from '@mantine/core';
import { IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useLogout } from '../../shared/session/queries.ts';

/** After an administrator set the password: only this form (and Đăng xuất) until the user has chosen their own. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Box bg="gray.0" mih="100dvh">
      <Group justify="flex-end" p="sm" gap="sm">
        <LanguageSwitch />
        <Button variant="default" leftSection={<IconLogout size={18} />} onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('auth.logout')}
        </Button>
      </Group>
      <Container size={480} px="md" pb="xl">
        <Stack>
          <Title order={1} size="h2" ta="center" c="blue.8">
            {t('account.forcedTitle')}
          </Title>
          <Alert color="yellow" icon={<IconInfoCircle />} role="status">
            {t('account.forcedText')}
          </Alert>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <ChangePasswordForm onDone={() => undefined} />
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
