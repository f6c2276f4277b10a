import { Center, Loader } from '@mantine/core';
import type { Role } from '@vetplan/domain';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useMe } from '../shared/session/queries.ts';
import { canImport } from '../features/import/access.ts';
import { canReport } from '../features/reports/access.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { NotFoundPage } from '../shared/NotFoundPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { navigate, usePathname } from '../shared/router.ts';

const PlanOverviewPage = lazy(() => import('../features/plan/PlanOverviewPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const DataEntryPage = lazy(() => import('../features/data-entry/DataEntryPage.tsx'));
const CompletenessPage = lazy(() => import('../features/completeness/CompletenessPage.tsx'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage.tsx'));
const FormsDuePage = lazy(() => import('../features/inbox/FormsDuePage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const IndicatorPage = lazy(() => import('../features/dashboard/IndicatorPage.tsx'));
const CommunePage = lazy(() => import('../features/dashboard/CommunePage.tsx'));
const ImportPage = lazy(() => import('../features/import/ImportPage.tsx'));
const MyTasksPage = lazy(() => import('../features/tasks/MyTasksPage.tsx'));
const TaskDetailPage = lazy(() => import('../features/tasks/TaskDetailPage.tsx'));
const EvaluationPage = lazy(() => import('../features/evaluation/EvaluationPage.tsx'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx'));
const AnalysisPage = lazy(() => import('../features/analysis/AnalysisPage.tsx'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage.tsx'));

export const ROUTES = {
  home: '/',
  plan: '/plan',
  users: '/users',
  login: '/login',
  dataEntry: '/data-entry',
  completeness: '/completeness',
  inbox: '/inbox',
  dashboard: '/dashboard',
  dashboardIndicator: '/dashboard/indicator',
  dashboardCommune: '/dashboard/commune',
  import: '/import',
  tasks: '/tasks',
  task: '/task',
  evaluation: '/evaluation',
  reports: '/reports',
  analysis: '/analysis',
  password: '/password',
} as const;

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/**
 * Each role lands where its day starts: the leader on the overview, officers and heads on their forms due, the plan manager on the board,
 * the administrator on the plan.
 */
function HomePage({ role }: { role: Role }) {
  if (role === 'viewer') return <DashboardPage />;
  if (role === 'unit_officer' || role === 'unit_head') return <FormsDuePage />;
  if (role === 'plan_manager') return <CompletenessPage />;
  return <PlanOverviewPage />;
}

export function App() {
  const pathname = usePathname();
  const me = useMe();

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} m="md" />;

  if (!me.data) {
    if (pathname !== ROUTES.login) return <Redirect to={ROUTES.login} />;
    return <LoginPage />;
  }
  if (pathname === ROUTES.login) return <Redirect to={ROUTES.home} />;
  // An administrator set the password: nothing else answers until the user has chosen their own.
  if (me.data.mustChangePassword) return <ForcedPasswordChange />;

  const isAdmin = me.data.user.role === 'admin';
  let page: React.ReactNode;
  if (pathname === ROUTES.home) page = <HomePage role={me.data.user.role} />;
  else if (pathname === ROUTES.plan) page = <PlanOverviewPage />;
  else if (pathname === ROUTES.users && isAdmin) page = <UsersPage />;
  else if (pathname === ROUTES.dataEntry) page = <DataEntryPage />;
  else if (pathname === ROUTES.completeness) page = <CompletenessPage />;
  else if (pathname === ROUTES.inbox) page = <InboxPage />;
  else if (pathname === ROUTES.dashboard) page = <DashboardPage />;
  else if (pathname === ROUTES.dashboardIndicator) page = <IndicatorPage />;
  else if (pathname === ROUTES.dashboardCommune) page = <CommunePage />;
  else if (pathname === ROUTES.import && canImport(me.data.user.role)) page = <ImportPage />;
  else if (pathname === ROUTES.tasks) page = <MyTasksPage />;
  else if (pathname === ROUTES.task) page = <TaskDetailPage />;
  else if (pathname === ROUTES.evaluation) page = <EvaluationPage />;
  else if (pathname === ROUTES.reports && canReport(me.data.user.role)) page = <ReportsPage />;
  else if (pathname === ROUTES.analysis) page = <AnalysisPage />;
  else if (pathname === ROUTES.password) page = <ChangePasswordPage />;
  else page = <NotFoundPage />;

  return (
    <AppLayout me={me.data}>
      <Suspense fallback={<PageLoader />}>{page}</Suspense>
    </AppLayout>
  );
}
