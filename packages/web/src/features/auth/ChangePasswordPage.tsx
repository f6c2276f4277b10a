import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Đổi mật khẩu, inside the app (any user). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <Container size={560} px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack>
        <Title order={1} size="h2">
          {t('account.title')}
        </Title>
        <Text c="dimmed">{t('account.intro')}</Text>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <ChangePasswordForm />
        </Paper>
      </Stack>
    </Container>
  );
}
