import { Box, Loader, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity, IconChevronDown, IconChevronRight, IconMapPin, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { allAreaCodes, filterAreaTree } from './filterTree.ts';
import { useAreaTree } from './queries.ts';
import type { AreaNode, AreaOrganisation } from './types.ts';
import classes from './AreaTree.module.css';

interface NodeProps {
  node: AreaNode;
  isOpen: (code: string) => boolean;
  toggle: (code: string) => void;
}

function OrganisationItem({ org }: { org: AreaOrganisation }) {
  const { lang } = useLang();
  const name = pick(lang, org.name, org.nameEn);
  return (
    <li className={classes.organisation}>
      <IconBuildingCommunity size={18} stroke={1.5} className={classes.icon} aria-hidden />
      <Text size="sm" span>
        {name}
        {org.shortName && org.shortName !== org.name && lang === 'vi' && (
          <Text span c="dimmed" size="sm">
            {' '}
            ({org.shortName})
          </Text>
        )}
      </Text>
    </li>
  );
}

function AreaItem({ node, isOpen, toggle }: NodeProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const open = isOpen(node.code);
  const hasContent = node.children.length > 0 || node.organisations.length > 0;
  const listId = `area-${node.code}-content`;
  return (
    <li className={classes.area} data-level={node.level}>
      <UnstyledButton
        className={classes.row}
        onClick={() => toggle(node.code)}
        aria-expanded={hasContent ? open : undefined}
        aria-controls={hasContent ? listId : undefined}
        disabled={!hasContent}
      >
        <Box className={classes.chevron} aria-hidden>
          {hasContent && (open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />)}
        </Box>
        <IconMapPin size={18} stroke={1.5} className={classes.icon} aria-hidden />
        <Text fw={node.level === 'commune' ? 400 : 600} span className={classes.name}>
          {pick(lang, node.name, node.nameEn)}
        </Text>
        <Text size="xs" c="dimmed" span className={classes.code} title={t('areas.code')}>
          {node.code}
        </Text>
      </UnstyledButton>
      {hasContent && open && (
        <ul id={listId} className={classes.children}>
          {node.organisations.map((org) => (
            <OrganisationItem key={org.code} org={org} />
          ))}
          {node.children.map((child) => (
            <AreaItem key={child.code} node={child} isOpen={isOpen} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The roots and the areas above the communes start open, so the communes show at once. */
function initiallyOpen(roots: readonly AreaNode[]): Set<string> {
  const open = new Set<string>(roots.map((root) => root.code));
  const visit = (node: AreaNode) => {
    if (node.level !== 'commune') open.add(node.code);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return open;
}

function TreeView({ roots }: { roots: AreaNode[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const [open, setOpen] = useState<Set<string>>(() => initiallyOpen(roots));
  const filtered = useMemo(() => filterAreaTree(roots, query), [roots, query]);
  const searching = query.trim() !== '';
  const searchOpen = useMemo(() => new Set(allAreaCodes(filtered)), [filtered]);

  const isOpen = (code: string) => (searching ? searchOpen.has(code) : open.has(code));
  const toggle = (code: string) => {
    if (searching) return;
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  };

  return (
    <Box>
      <TextInput
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        leftSection={<IconSearch size={18} />}
        label={t('areas.search')}
        placeholder={t('areas.searchPlaceholder')}
        mb="sm"
        type="search"
      />
      {filtered.length === 0 ? (
        <Text c="dimmed">{t('areas.noMatch')}</Text>
      ) : (
        <ul className={classes.tree} aria-label={t('areas.title')} data-testid="area-tree">
          {filtered.map((node) => (
            <AreaItem key={node.code} node={node} isOpen={isOpen} toggle={toggle} />
          ))}
        </ul>
      )}
    </Box>
  );
}

/** Nation › province › district › communes, with the organisations of each area. */
export function AreaTree() {
  const tree = useAreaTree();
  if (tree.isPending) return <Loader size="sm" />;
  if (tree.isError) return <ErrorAlert error={tree.error} />;
  return <TreeView roots={tree.data.roots} />;
}
