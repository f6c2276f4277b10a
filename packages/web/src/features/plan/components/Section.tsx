import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './document.module.css';

interface SectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** One part of the plan (Căn cứ, I, II, III, IV...) on its own sheet. */
export function Section({ id, title, children }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper component="section" id={id} aria-labelledby={headingId} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} id={headingId} className={classes.sectionTitle} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
