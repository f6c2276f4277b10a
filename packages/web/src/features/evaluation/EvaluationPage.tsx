import {
  Badge,
  Button,
  Center,
  Container,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { formatMoment, formatNumber, formatPercent } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSearchParams, withQuery } from '../../shared/router.ts';
import { TableDownloads } from '../../shared/DownloadButtons.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import { usePlans } from '../../shared/plan/queries.ts';
import type { RankRow, Rating, Scorecard } from './api.ts';
import { useAdjust, useRanking, useScorecard } from './queries.ts';

const RATING_COLORS: Record<Rating, string> = { excellent: 'green', good: 'teal', pass: 'yellow', fail: 'red' };
const score = (x: number | null) => (x === null ? '—' : formatNumber(x, { decimals: 1 }));
/** A shown weight: two decimals, the parts' adding up to 100 %. */
const share = (percent: number) => formatPercent(percent, { decimals: 2 });
/** A part's contribution or their sum, every decimal it has (at most five), so that they add up by hand. */
const exact = (x: number) => formatNumber(x, { maxDecimals: 5 });

function ScoreParts({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const counted = card.parts.filter((p) => p.score !== null && p.share > 0);
  const formula = counted.map((p) => `${share(p.sharePercent)} × ${score(p.score)} (${t(`tasks.evaluation.part.${p.part}`)})`).join(' + ');
  const sum = counted.map((p) => exact(p.contribution)).join(' + ');
  return (
    <Stack gap="sm">
      {formula && card.sum !== null && (
        <Stack gap={2}>
          <Text size="sm" data-testid="score-formula">
            {t('tasks.evaluation.formula', { parts: formula, contributions: sum, sum: exact(card.sum), score: score(card.computed) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('tasks.evaluation.roundingNote')}
          </Text>
        </Stack>
      )}
      {card.parts.map((p) => (
        <Paper key={p.part} withBorder radius="md" p="sm" data-part={p.part}>
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h5">
              {t(`tasks.evaluation.part.${p.part}`)}
            </Title>
            <Text fw={700}>{t('tasks.evaluation.partScore', { score: score(p.score) })}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('tasks.evaluation.partWeight', { weight: p.weight, share: share(p.sharePercent) })}
          </Text>
          {p.score !== null && p.share > 0 && (
            <Text size="xs" data-testid={`contribution-${p.part}`}>
              {t('tasks.evaluation.partContribution', {
                share: share(p.sharePercent),
                score: score(p.score),
                contribution: exact(p.contribution),
              })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={300}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tasks.evaluation.item')}</Table.Th>
                  <Table.Th>{t('tasks.evaluation.itemStatus')}</Table.Th>
                  <Table.Th ta="right">{t('tasks.evaluation.points')}</Table.Th>
                  <Table.Th ta="right">{t('tasks.evaluation.weight')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.items.map((i) => (
                  <Table.Tr key={i.key} data-key={i.key} data-status={i.status}>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>
                      {t(`tasks.status.${i.status as 'overdue'}`, { defaultValue: '' }) ||
                        t(`tasks.evaluation.itemStatusLabel.${i.status as 'late'}`, { defaultValue: i.status })}
                    </Table.Td>
                    <Table.Td ta="right">{i.points === null ? t('tasks.evaluation.notJudged') : formatNumber(i.points)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.weight, { decimals: i.weight % 1 ? 1 : 0 })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
    </Stack>
  );
}

function Adjust({ plan, card }: { plan: string; card: Scorecard }) {
  const { t } = useTranslation();
  const adjust = useAdjust();
  const [delta, setDelta] = useState<number | string>('');
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        adjust.mutate(
          { plan, org: card.org, year: card.year, delta: Number(delta), reason },
          {
            onSuccess: () => {
              setDelta('');
              setReason('');
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('tasks.evaluation.adjust')}
        </Title>
        <NumberInput label={t('tasks.evaluation.delta')} value={delta} onChange={setDelta} min={-100} max={100} w={240} allowDecimal />
        <Textarea
          label={t('tasks.evaluation.adjustReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {adjust.isError && <ErrorAlert error={adjust.error} />}
        <Button type="submit" h={44} variant="light" loading={adjust.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('tasks.evaluation.adjust')}
        </Button>
      </Stack>
    </form>
  );
}

/** `fileKey` names the download: xep-hang-<fileKey>-<year>.xlsx. */
function RankTable({
  title,
  fileKey,
  year,
  rows,
  selected,
  onSelect,
}: {
  title: string;
  fileKey: string;
  year: number;
  rows: RankRow[];
  selected: string | null;
  onSelect: (org: string) => void;
}) {
  const { t } = useTranslation();
  const download = () => [
    [t('tasks.evaluation.rank'), t('tasks.evaluation.unit'), t('tasks.evaluation.score'), t('tasks.evaluation.ratingCol')],
    ...rows.map((r) => [
      r.rank,
      r.orgName,
      r.total === null ? null : Number(r.total.toFixed(1)),
      r.rating === null ? null : t(`tasks.evaluation.rating.${r.rating}`),
    ]),
  ];
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <TableDownloads fileName={`xep-hang-${fileKey}-${year}`} sheet={`${title} ${year}`} rows={download} />
      </Group>
      <Table fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('tasks.evaluation.rank')}</Table.Th>
            <Table.Th>{t('tasks.evaluation.unit')}</Table.Th>
            <Table.Th ta="right">{t('tasks.evaluation.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.org} bg={r.org === selected ? 'blue.0' : undefined}>
              <Table.Td>{r.rank ?? '—'}</Table.Td>
              <Table.Td>
                <UnstyledButton onClick={() => onSelect(r.org)} style={{ minHeight: 44, textAlign: 'left' }}>
                  {r.orgName}
                </UnstyledButton>
              </Table.Td>
              <Table.Td ta="right">{score(r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A unit's scorecard: the total and its rating, any adjustments, the parts behind it, and (for plan managers) a new adjustment. */
function ScorecardPanel({ card, plan, manager }: { card: Scorecard; plan: string | undefined; manager: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="scorecard">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {card.orgName}
        </Title>
        <Group gap="md" align="baseline">
          <Text fz={40} fw={700} lh={1} data-testid="score-total">
            {score(card.total)}
          </Text>
          {card.rating && (
            <Badge size="lg" color={RATING_COLORS[card.rating]}>
              {t(`tasks.evaluation.rating.${card.rating}`)}
            </Badge>
          )}
        </Group>
        {card.total === null && <Text c="dimmed">{t('tasks.evaluation.noScore')}</Text>}
        {card.adjustments.length > 0 && (
          <Stack gap={2} data-testid="adjustments">
            <Text size="sm">{t('tasks.evaluation.computed', { value: score(card.computed) })}</Text>
            {card.adjustments.map((a, i) => (
              <Text key={i} size="sm">
                {t('tasks.evaluation.adjustmentRow', {
                  delta: a.delta > 0 ? `+${formatNumber(a.delta)}` : formatNumber(a.delta),
                  reason: a.reason,
                  by: a.by,
                  at: formatMoment(a.at),
                })}
              </Text>
            ))}
          </Stack>
        )}
        <ScoreParts card={card} />
        {manager && plan && <Adjust plan={plan} card={card} />}
      </Stack>
    </Paper>
  );
}

/** The ranking of the year: agencies and communes, each unit a link to its scorecard. */
function RankingPanel(props: {
  ranking: { agencies: RankRow[]; communes: RankRow[] };
  year: number;
  selected: string | null;
  onSelect: (org: string) => void;
}) {
  const { ranking, year, selected, onSelect } = props;
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="ranking">
      <Title order={2} size="h4">
        {t('tasks.evaluation.ranking')}
      </Title>
      <RankTable
        title={t('tasks.evaluation.agencies')}
        fileKey="co-quan"
        year={year}
        rows={ranking.agencies}
        selected={selected}
        onSelect={onSelect}
      />
      <RankTable
        title={t('tasks.evaluation.communes')}
        fileKey="xa"
        year={year}
        rows={ranking.communes}
        selected={selected}
        onSelect={onSelect}
      />
    </Stack>
  );
}

/** Đánh giá, xếp loại: a unit's scorecard with the items behind each part, the ranking, and adjustments with a reason. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useSearchParams();
  const plans = usePlans();
  const plan = plans.data?.[0]?.code;
  const role = me.data?.user.role;
  const manager = role === 'admin' || role === 'plan_manager';
  const overseer = manager || role === 'viewer';
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const ranking = useRanking(plan, year, overseer);
  const org = params.get('org') ?? (overseer ? (ranking.data?.agencies[0]?.org ?? null) : (me.data?.user.scope.code ?? null));
  const card = useScorecard(plan, org, year);
  const select = (next: { org?: string; year?: number }) =>
    navigate(withQuery('/evaluation', { org: next.org ?? org, year: String(next.year ?? year) }), { keepScroll: true });
  const years = Array.from({ length: 4 }, (_, i) => String(new Date().getFullYear() + 1 - i));
  const units = ranking.data ? [...ranking.data.agencies, ...ranking.data.communes].map((r) => ({ value: r.org, label: r.orgName })) : [];

  return (
    <Container size="lg" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('tasks.evaluation.title')}
        </Title>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('tasks.year')}
            data={years.includes(String(year)) ? years : [String(year), ...years]}
            value={String(year)}
            onChange={(v) => v && select({ year: Number(v) })}
            w={120}
            allowDeselect={false}
          />
          {overseer && units.length > 0 && (
            <Select
              label={t('tasks.evaluation.unit')}
              data={units}
              value={org}
              onChange={(v) => v && select({ org: v })}
              searchable
              w={300}
              maw="100%"
              allowDeselect={false}
            />
          )}
        </Group>
        {(card.isPending || ranking.isPending) && org === null && overseer && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {card.isError && <ErrorAlert error={card.error} />}
        {ranking.isError && <ErrorAlert error={ranking.error} />}
        <SimpleGrid cols={{ base: 1, md: overseer ? 3 : 1 }} spacing="md">
          <Stack gap="md" style={{ gridColumn: overseer ? 'span 2' : undefined }}>
            {card.isPending && org !== null && (
              <Center py="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            )}
            {card.data && <ScorecardPanel card={card.data} plan={plan} manager={manager} />}
          </Stack>
          {overseer && ranking.data && (
            <RankingPanel ranking={ranking.data} year={year} selected={org} onSelect={(o) => select({ org: o })} />
          )}
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
