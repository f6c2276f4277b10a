import { Box, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { useLogin } from '../../shared/session/queries.ts';

interface FieldErrors {
  username?: string;
  password?: string;
}

function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = t('auth.usernameRequired');
    if (password === '') errors.password = t('auth.passwordRequired');
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    login.mutate({ username: username.trim(), password });
  }

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('auth.loginTitle')}
          </Title>
          {login.isError && <ErrorAlert error={login.error} withDetails />}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fieldErrors.username}
            required
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            required
          />
          <Button type="submit" fullWidth leftSection={<IconLogin size={20} />} loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The page shown to anyone not signed in. */
export function LoginPage() {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100dvh">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Container size={440} px="md" pb="xl">
        <Stack gap={4} mb="lg" ta="center">
          <Title order={1} c="blue.8">
            vetplan
          </Title>
          <Text c="dimmed">{t('auth.tagline')}</Text>
        </Stack>
        <LoginForm />
      </Container>
    </Box>
  );
}
