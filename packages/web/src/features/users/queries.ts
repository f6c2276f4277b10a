import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createUser, fetchUsers, resetPassword, setUserDisabled, updateUser } from './api.ts';
import type { NewUser, User, UserChanges } from './types.ts';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => fetchUsers(signal) });
}

function replaceUser(users: User[] | undefined, user: User): User[] | undefined {
  return users?.map((u) => (u.username === user.username ? user : u));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => createUser(user),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(userKeys.list(), (users) => (users ? [...users, user] : users));
      void queryClient.invalidateQueries({ queryKey: userKeys.list() });
    },
  });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, disabled }: { username: string; disabled: boolean }) => setUserDisabled(username, disabled),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(userKeys.list(), (users) => replaceUser(users, user));
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, changes }: { username: string; changes: UserChanges }) => updateUser(username, changes),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(userKeys.list(), (users) => replaceUser(users, user));
    },
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => resetPassword(username, password),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(userKeys.list(), (users) => replaceUser(users, user));
    },
  });
}
