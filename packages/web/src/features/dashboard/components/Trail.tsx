import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkClick } from '../../../shared/router.ts';
import classes from '../dashboard.module.css';

export interface TrailStep {
  label: string;
  /** Absent for the page the user is on. */
  href?: string;
}

/** Tổng quan chỉ tiêu › Huyện Yên Dũng › Xã Tư Mại */
export function Trail({ steps }: { steps: TrailStep[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('dashboard.trail')}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {steps.map((step) =>
          step.href ? (
            <Anchor key={step.label} href={step.href} onClick={linkClick(step.href)} size="sm" className={classes.trailLink}>
              {step.label}
            </Anchor>
          ) : (
            <Text key={step.label} size="sm" fw={600} aria-current="page">
              {step.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
