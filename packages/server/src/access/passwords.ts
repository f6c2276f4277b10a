import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane (argon2id is the library's default algorithm). */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check when the user does not exist, so timing does not reveal usernames. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('vetplan-no-such-user');
  await verifyPassword(await dummyHash, password);
}
