import type { Role } from '@vetplan/domain';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { detailField, isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useCreateUser } from './queries.ts';

export type Field = 'username' | 'password' | 'role' | 'org' | 'displayName' | 'email';
export type FieldErrors = Partial<Record<Field, string>>;

export interface FormValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
  role: Role | null;
  org: string | null;
}

const EMPTY: FormValues = { username: '', displayName: '', email: '', password: '', role: null, org: null };
export const FIELDS: readonly string[] = ['username', 'password', 'role', 'org', 'displayName', 'email'];
export const MIN_PASSWORD = 8;
const MIN_USERNAME = 3;
/** Lower-case letters without diacritics, digits, ".", "_" and "-" (the server's rule). */
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

function usernameProblem(username: string, t: TFunction): string | undefined {
  if (username === '') return t('users.form.required');
  if (username.length < MIN_USERNAME) return t('users.form.usernameTooShort', { min: MIN_USERNAME });
  if (!USERNAME_PATTERN.test(username)) return t('users.form.usernameFormat');
  return undefined;
}

/** The server's per-field problems (and its conflict / unknown scope answers) placed under their fields. */
function serverFieldErrors(error: unknown, lang: 'vi' | 'en'): FieldErrors {
  if (!isApiError(error)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details) {
    const field = detailField(detail);
    if (FIELDS.includes(field)) errors[field as Field] = lang === 'en' ? detail.messageEn : detail.messageVi;
  }
  if (error.id === 'conflict') errors.username ??= error.localized(lang);
  if (error.id === 'unknown_scope') errors.org ??= error.localized(lang);
  return errors;
}

/** State, checks and submission of the "Thêm người dùng" form. */
export function useCreateUserForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const create = useCreateUser();
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  // A local entry set to undefined (the field was edited) hides the server's message for it.
  const errors: FieldErrors = { ...serverFieldErrors(create.error, lang), ...localErrors };

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    const username = usernameProblem(values.username.trim(), t);
    if (username) e.username = username;
    if (values.password.length < MIN_PASSWORD) e.password = t('users.form.passwordTooShort', { min: MIN_PASSWORD });
    if (!values.role) e.role = t('users.form.required');
    if (!values.org) e.org = t('users.form.required');
    return e;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const e = validate();
    setLocalErrors(e);
    if (Object.keys(e).length > 0 || !values.role || !values.org) return;
    const displayName = values.displayName.trim();
    const email = values.email.trim();
    create.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        role: values.role,
        org: values.org,
        ...(displayName ? { displayName } : {}),
        ...(email ? { email } : {}),
      },
      { onSuccess: () => setValues(EMPTY) },
    );
  }

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setLocalErrors((e) => ({ ...e, [key]: undefined }));
  }

  return { values, errors, set, submit, create };
}
