import { Badge, Group, Text, Timeline } from '@mantine/core';
import { IconArrowDown, IconFileCheck, IconFileDescription } from '@tabler/icons-react';
import { formatDate } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { orderBasis } from '../basis.ts';
import { useDocTypeLabel } from '../docTypes.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import { documentNumber } from './DocumentHeading.tsx';
import { Section } from './Section.tsx';

/** Căn cứ: the documents this plan carries out, as a chain ending with this plan. */
export function BasisCascade({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const docTypeLabel = useDocTypeLabel();
  const documents = orderBasis(plan.basis);
  return (
    <Section id="can-cu" title={t('plan.basis.title')}>
      <Timeline bulletSize={28} lineWidth={2} active={documents.length} data-testid="basis-cascade">
        {documents.map((doc) => (
          <Timeline.Item
            key={doc.code}
            bullet={doc.relation === 'implements' ? <IconArrowDown size={16} /> : <IconFileDescription size={16} />}
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={700}>{t('plan.basis.document', { type: docTypeLabel(doc.docType), number: doc.number })}</Text>
                {doc.relation === 'guidance' && (
                  <Badge variant="light" color="gray" size="sm" tt="none">
                    {t('plan.basis.guidance')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="sm" c="dimmed">
              {doc.issuedOn ? t('plan.basis.issued', { date: formatDate(doc.issuedOn), issuer: doc.issuer }) : doc.issuer}
            </Text>
            <Text size="sm" lineClamp={3}>
              {doc.title}
            </Text>
          </Timeline.Item>
        ))}
        <Timeline.Item
          bullet={<IconFileCheck size={16} />}
          title={
            <Group gap="xs" wrap="wrap">
              <Text fw={700}>{t('plan.basis.document', { type: docTypeLabel(plan.docType), number: documentNumber(plan) })}</Text>
              <Badge variant="filled" size="sm" tt="none">
                {t('plan.basis.thisPlan')}
              </Badge>
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            {plan.issuedOn
              ? t('plan.basis.issued', { date: formatDate(plan.issuedOn, plan.issuedOnPrecision), issuer: plan.issuer.name })
              : plan.issuer.name}
          </Text>
        </Timeline.Item>
      </Timeline>
    </Section>
  );
}
