import { Progress, Stack, Text } from '@mantine/core';

/** A labelled progress bar; `value` null is work of unknown length (a moving striped bar). */
export function TransferProgress({ value, label, testId }: { value: number | null; label: string; testId?: string }) {
  return (
    <Stack gap={4} role="status" data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Progress
        value={value === null ? 100 : Math.round(value * 100)}
        striped={value === null}
        animated={value === null}
        size="lg"
        radius="sm"
        aria-label={label}
        transitionDuration={150}
      />
    </Stack>
  );
}
