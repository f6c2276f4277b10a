import { Alert, Button, Paper, PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { IconCheck, IconUserPlus } from '@tabler/icons-react';
import { ROLE_LABELS, ROLES, isRole } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ScopeHelp, ScopeSelect } from './ScopeSelect.tsx';
import { FIELDS, MIN_PASSWORD, useCreateUserForm } from './useCreateUserForm.ts';

export function CreateUserForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { values, errors, set, submit, create } = useCreateUserForm();
  const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][lang] }));

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="create-user-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="create-user-title">
            {t('users.form.title')}
          </Title>
          {create.isError && <ErrorAlert error={create.error} withDetails fieldsShownInline={FIELDS} />}
          {create.isSuccess && (
            <Alert color="green" role="status" icon={<IconCheck />}>
              {t('users.form.created', { username: create.data.username })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.form.username')}
              description={t('users.form.usernameHint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values.username}
              onChange={(e) => set('username', e.currentTarget.value)}
              error={errors.username}
            />
            <TextInput
              label={t('users.form.displayName')}
              autoComplete="off"
              value={values.displayName}
              onChange={(e) => set('displayName', e.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput
              label={t('users.form.email')}
              description={t('users.form.emailHelp')}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errors.email}
            />
            <PasswordInput
              label={t('users.form.password')}
              autoComplete="new-password"
              required
              description={t('users.form.passwordHint', { min: MIN_PASSWORD })}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              value={values.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
            />
            <Select
              label={t('users.form.role')}
              data={roleOptions}
              value={values.role}
              allowDeselect={false}
              required
              onChange={(v) => set('role', isRole(v) ? v : null)}
              error={errors.role}
            />
          </SimpleGrid>
          <ScopeSelect value={values.org} onChange={(v) => set('org', v)} error={errors.org} />
          <ScopeHelp />
          <Button type="submit" leftSection={<IconUserPlus size={20} />} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('users.form.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
