import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkClick } from './router.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={2}>{t('notFound.title')}</Title>
        <Text>{t('notFound.text')}</Text>
        <Button component="a" href="/" onClick={linkClick('/')}>
          {t('notFound.home')}
        </Button>
      </Stack>
    </Container>
  );
}
