// Follow Jira's colour mode so the page matches the product around it. Jira passes its
// theme in the bridge context; without one (older hosts), follow the operating system.
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

type ColorMode = 'light' | 'dark' | 'auto';

function colorModeOf(context: unknown): ColorMode {
  const theme = typeof context === 'object' && context !== null ? (context as { theme?: unknown }).theme : undefined;
  const mode = typeof theme === 'object' && theme !== null ? (theme as { colorMode?: unknown }).colorMode : undefined;
  return mode === 'light' || mode === 'dark' ? mode : 'auto';
}

export async function applyJiraTheme(context: unknown): Promise<void> {
  await setGlobalTheme({ colorMode: colorModeOf(context), light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' });
}
