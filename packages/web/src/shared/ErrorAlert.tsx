import { Alert, List, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { detailField, isApiError } from '../api/errors.ts';
import { useLang } from '../i18n/useLang.ts';

interface ErrorAlertProps extends Omit<AlertProps, 'children' | 'title'> {
  error: unknown;
  title?: string;
  /** List the server's per-field problems under the message. */
  withDetails?: boolean;
  /** Fields whose problems the form already shows beside the field: not repeated here. */
  fieldsShownInline?: readonly string[];
}

/** A failed request, in the current language, as the server worded it. */
export function ErrorAlert({ error, title, withDetails = false, fieldsShownInline = [], ...props }: ErrorAlertProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const message = isApiError(error) ? error.localized(lang) : t('errors.unexpected');
  const details = isApiError(error) && withDetails ? error.details.filter((d) => !fieldsShownInline.includes(detailField(d))) : [];
  return (
    <Alert color="red" role="alert" icon={<IconAlertCircle />} title={title} {...props}>
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d, i) => (
            <List.Item key={`${d.path}-${i}`}>{lang === 'en' ? d.messageEn : d.messageVi}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
