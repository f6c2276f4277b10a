import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAward,
  IconChartLine,
  IconClipboardCheck,
  IconFileImport,
  IconFileText,
  IconKey,
  IconListCheck,
  IconLogout,
  IconReport,
  IconTable,
  IconTableOptions,
  IconUsers,
} from '@tabler/icons-react';
import { ROLE_LABELS, inRoleGroup, UNIT_STAFF_ROLES } from '@vetplan/domain';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../shared/session/queries.ts';
import type { Me } from '../shared/session/types.ts';
import { canImport } from '../features/import/access.ts';
import { canReport } from '../features/reports/access.ts';
import { clearOutbox, pendingCount } from '../shared/offline/outboxStorage.ts';
import { InboxBadge } from '../features/inbox/InboxBadge.tsx';
import { useLang } from '../i18n/useLang.ts';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { linkClick, usePathname } from '../shared/router.ts';
import classes from './AppLayout.module.css';

const OfflineLogoutDialog = lazy(() => import('../shared/offline/OfflineLogoutDialog.tsx'));

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

function useNavItems(me: Me): NavItem[] {
  const { t } = useTranslation();
  const role = me.user.role;
  const items: NavItem[] = [{ to: '/plan', label: t('nav.plan'), icon: <IconFileText size={20} stroke={1.6} /> }];
  items.push({ to: '/dashboard', label: t('nav.dashboard'), icon: <IconChartLine size={20} stroke={1.6} /> });
  items.push({ to: '/analysis', label: t('analysis.nav'), icon: <IconTableOptions size={20} stroke={1.6} /> });
  if (role !== 'viewer') items.push({ to: '/data-entry', label: t('nav.dataEntry'), icon: <IconTable size={20} stroke={1.6} /> });
  if (canImport(role)) items.push({ to: '/import', label: t('nav.import'), icon: <IconFileImport size={20} stroke={1.6} /> });
  if (role !== 'unit_officer') {
    items.push({ to: '/completeness', label: t('nav.completeness'), icon: <IconClipboardCheck size={20} stroke={1.6} /> });
  }
  items.push({
    to: '/tasks',
    label: inRoleGroup(UNIT_STAFF_ROLES, role) ? t('tasks.nav.myTasks') : t('tasks.nav.tasks'),
    icon: <IconListCheck size={20} stroke={1.6} />,
  });
  items.push({ to: '/evaluation', label: t('tasks.nav.evaluation'), icon: <IconAward size={20} stroke={1.6} /> });
  if (canReport(role)) items.push({ to: '/reports', label: t('reports.nav'), icon: <IconReport size={20} stroke={1.6} /> });
  if (role === 'admin') {
    items.push({ to: '/users', label: t('nav.users'), icon: <IconUsers size={20} stroke={1.6} /> });
  }
  items.push({ to: '/password', label: t('account.nav'), icon: <IconKey size={20} stroke={1.6} /> });
  return items;
}

function UserBadge({ me, inHeader = false }: { me: Me; inHeader?: boolean }) {
  const { lang } = useLang();
  return (
    <Box className={inHeader ? classes.userInHeader : undefined}>
      <Text size="sm" fw={600} truncate>
        {me.user.displayName ?? me.user.username}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {ROLE_LABELS[me.user.role][lang]}
      </Text>
    </Box>
  );
}

interface ShellPartProps {
  me: Me;
  items: NavItem[];
  pathname: string;
  onLogout: () => void;
  loggingOut: boolean;
}

function HeaderBar({
  me,
  onLogout,
  loggingOut,
  opened,
  onBurger,
  onHome,
}: ShellPartProps & {
  opened: boolean;
  onBurger: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="sm" gap="xs" wrap="nowrap" justify="space-between">
      <Group gap="xs" wrap="nowrap">
        <Burger opened={opened} onClick={onBurger} hiddenFrom="md" size="md" aria-label={t('nav.menu')} />
        <UnstyledButton component="a" href="/" onClick={linkClick('/', onHome)} className={classes.brand}>
          vetplan
        </UnstyledButton>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {me.user.role !== 'viewer' && <InboxBadge enabled />}
        <Box visibleFrom="sm">
          <UserBadge me={me} inHeader />
        </Box>
        <LanguageSwitch />
        <Button visibleFrom="md" variant="default" leftSection={<IconLogout size={18} />} onClick={onLogout} loading={loggingOut}>
          {t('auth.logout')}
        </Button>
      </Group>
    </Group>
  );
}

/**
 * The pages, in a sidebar that is always open on a wide screen and slides in from the burger on a
 * phone (with who is signed in and Đăng xuất, which the phone's header has no room for). A sidebar
 * holds as many pages as the roles need, where a header bar ran out of room at six.
 */
function SideNav({ me, items, pathname, onLogout, loggingOut, onNavigate }: ShellPartProps & { onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} h="100%">
      <Box hiddenFrom="sm" mb="xs">
        <UserBadge me={me} />
      </Box>
      {items.map((item) => (
        <NavLink
          key={item.to}
          component="a"
          href={item.to}
          onClick={linkClick(item.to, onNavigate)}
          label={item.label}
          leftSection={item.icon}
          active={pathname === item.to}
          aria-current={pathname === item.to ? 'page' : undefined}
          className={classes.navLink}
        />
      ))}
      <Button hiddenFrom="md" mt="auto" variant="default" leftSection={<IconLogout size={18} />} onClick={onLogout} loading={loggingOut}>
        {t('auth.logout')}
      </Button>
    </Stack>
  );
}

/** Sub-pages light up their section's item: /dashboard/indicator → /dashboard. */
function sectionOf(pathname: string): string {
  return pathname.startsWith('/dashboard/') ? '/dashboard' : pathname;
}

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const logout = useLogout();
  // Changes typed offline and not sent yet: ask before logging out.
  const [unsent, setUnsent] = useState(0);
  const user = me.user.username;
  const parts: ShellPartProps = {
    me,
    items: useNavItems(me),
    pathname: sectionOf(usePathname()),
    onLogout: () => {
      const count = pendingCount(user);
      if (count > 0) setUnsent(count);
      else logout.mutate();
    },
    loggingOut: logout.isPending,
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding={0}>
      <AppShell.Header className={classes.header}>
        <HeaderBar {...parts} opened={opened} onBurger={toggle} onHome={close} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')} className={classes.navbar} data-open={opened || undefined}>
        <SideNav {...parts} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>{children}</AppShell.Main>
      {unsent > 0 && (
        <Suspense fallback={null}>
          <OfflineLogoutDialog
            count={unsent}
            onStay={() => setUnsent(0)}
            onKeep={() => {
              setUnsent(0);
              logout.mutate();
            }}
            onDiscard={() => {
              clearOutbox(user);
              setUnsent(0);
              logout.mutate();
            }}
          />
        </Suspense>
      )}
    </AppShell>
  );
}
