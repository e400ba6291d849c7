// Copies text and says so. The async clipboard API needs a permission Jira's iframe may
// not grant, so a hidden textarea with execCommand('copy') is the fallback.
import Button from '@atlaskit/button/new';
import { forwardRef, useEffect, useState } from 'react';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export interface CopyButtonProps {
  text: string;
  /** What is copied, for screen readers: "Copy token". */
  label: string;
  appearance?: 'default' | 'primary';
  testId?: string;
  spacing?: 'default' | 'compact';
  /** Called after a successful copy. */
  onCopied?: () => void;
}

export const CopyButton = forwardRef<HTMLButtonElement, CopyButtonProps>(function CopyButton(
  { text, label, appearance = 'default', testId, spacing = 'default', onCopied },
  ref,
) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  const caption = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy' : 'Copy';
  return (
    <Button
      ref={ref}
      appearance={appearance}
      spacing={spacing}
      aria-label={state === 'idle' ? label : caption}
      testId={testId}
      onClick={() => {
        void copyText(text).then((copied) => {
          setState(copied ? 'copied' : 'failed');
          if (copied) onCopied?.();
        });
      }}
    >
      {caption}
    </Button>
  );
});
