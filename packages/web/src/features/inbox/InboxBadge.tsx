import { ActionIcon, Indicator } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick, usePathname } from '../../app/router.ts';
import { useInbox } from './queries.ts';

/** The header's Việc cần làm button, with how many things wait. */
export function InboxBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const inbox = useInbox(enabled);
  const pathname = usePathname();
  const count = inbox.data?.length ?? 0;
  const label = count > 0 ? t('nav.inboxCount', { count }) : t('nav.inbox');
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={6} inline>
      <ActionIcon
        component="a"
        href="/inbox"
        onClick={linkClick('/inbox')}
        variant={pathname === '/inbox' ? 'light' : 'subtle'}
        size={44}
        aria-label={label}
        title={label}
        data-testid="inbox-badge"
        data-count={count}
      >
        <IconChecklist size={24} stroke={1.6} />
      </ActionIcon>
    </Indicator>
  );
}
