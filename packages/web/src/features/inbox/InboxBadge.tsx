import { ActionIcon, Box, Button, Indicator } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick, usePathname } from '../../shared/router.ts';
import { useInbox } from './queries.ts';

/** The header's Việc cần làm button, labelled on a wide screen (an icon alone on a phone), with how many things wait. */
export function InboxBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const inbox = useInbox(enabled);
  const pathname = usePathname();
  const count = inbox.data?.length ?? 0;
  const label = count > 0 ? t('nav.inboxCount', { count }) : t('nav.inbox');
  const variant = pathname === '/inbox' ? 'light' : 'subtle';
  const common = {
    component: 'a',
    href: '/inbox',
    onClick: linkClick('/inbox'),
    'aria-label': label,
    title: label,
    'data-testid': 'inbox-badge',
    'data-count': count,
  } as const;
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={6} inline>
      <Box hiddenFrom="sm">
        <ActionIcon {...common} variant={variant} size={44}>
          <IconChecklist size={24} stroke={1.6} />
        </ActionIcon>
      </Box>
      <Box visibleFrom="sm">
        <Button
          {...common}
          data-testid="inbox-button"
          variant={variant}
          h={44}
          px="xs"
          leftSection={<IconChecklist size={22} stroke={1.6} />}
        >
          {t('nav.inbox')}
        </Button>
      </Box>
    </Indicator>
  );
}
