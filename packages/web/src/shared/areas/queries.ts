import { useQuery } from '@tanstack/react-query';
import { fetchAreaTree } from './api.ts';

export const areaKeys = {
  all: ['areas'] as const,
  tree: () => [...areaKeys.all, 'tree'] as const,
};

/** The areas and organisations in the signed-in user's scope. */
export function useAreaTree() {
  return useQuery({ queryKey: areaKeys.tree(), queryFn: ({ signal }) => fetchAreaTree(signal), staleTime: 5 * 60_000 });
}
