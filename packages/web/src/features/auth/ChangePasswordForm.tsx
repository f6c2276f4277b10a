import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { IconCheck, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { detailField, isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useChangePassword } from '../../shared/session/queries.ts';

const MIN_PASSWORD = 8;
const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number] | 'repeat';
type FieldErrors = Partial<Record<Field, string>>;

/** The server's refusals of the fields shown in the form, in the user's language, by field. */
function serverFieldErrors(error: unknown, lang: 'vi' | 'en'): FieldErrors {
  const server: FieldErrors = {};
  if (isApiError(error)) {
    for (const detail of error.details) {
      const field = detailField(detail);
      if ((FIELDS as readonly string[]).includes(field)) server[field as Field] = lang === 'en' ? detail.messageEn : detail.messageVi;
    }
  }
  return server;
}

/** Đổi mật khẩu: the current password, the new one twice. The server's policy messages appear under the field. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...serverFieldErrors(change.error, lang), ...local };

  function set(key: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setLocal((e) => ({ ...e, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (values.currentPassword === '') e.currentPassword = t('auth.passwordRequired');
    if ([...values.newPassword].length < MIN_PASSWORD) e.newPassword = t('users.form.passwordTooShort', { min: MIN_PASSWORD });
    if (values.repeat !== values.newPassword) e.repeat = t('account.repeatMismatch');
    setLocal(e);
    if (Object.values(e).some(Boolean)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', repeat: '' });
          onDone?.();
        },
      },
    );
  }

  const toggle = { 'aria-label': t('auth.showPassword') };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {change.isError && <ErrorAlert error={change.error} withDetails fieldsShownInline={FIELDS} />}
        {change.isSuccess && !onDone && (
          <Alert color="green" role="status" icon={<IconCheck />}>
            {t('account.changed')}
          </Alert>
        )}
        <PasswordInput
          label={t('account.current')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={toggle}
          value={values.currentPassword}
          onChange={(e) => set('currentPassword', e.currentTarget.value)}
          error={errors.currentPassword}
        />
        <PasswordInput
          label={t('account.new')}
          description={t('account.newHint', { min: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggle}
          value={values.newPassword}
          onChange={(e) => set('newPassword', e.currentTarget.value)}
          error={errors.newPassword}
        />
        <PasswordInput
          label={t('account.repeat')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggle}
          value={values.repeat}
          onChange={(e) => set('repeat', e.currentTarget.value)}
          error={errors.repeat}
        />
        <Button type="submit" leftSection={<IconKey size={20} />} loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.submit')}
        </Button>
      </Stack>
    </form>
  );
}
