// Reads what the Forge runtime tells a handler about the invocation, without trusting
// shapes it does not promise.
import { z } from 'zod';

const resolverContext = z.object({
  accountId: z.string().min(1).optional(),
  installContext: z.string().min(1).optional(),
  cloudId: z.string().min(1).optional(),
});

export interface InvocationIdentity {
  accountId: string | undefined;
  installationId: string;
}

/** The installation a token belongs to: Forge's installContext ARI (site + product). */
export function installationIdOf(context: unknown): string {
  return identityOf(context).installationId;
}

export function identityOf(context: unknown): InvocationIdentity {
  const parsed = resolverContext.safeParse(context);
  if (!parsed.success) return { accountId: undefined, installationId: 'unknown-installation' };
  return {
    accountId: parsed.data.accountId,
    installationId: parsed.data.installContext ?? parsed.data.cloudId ?? 'unknown-installation',
  };
}
