// The layering rules (.dependency-cruiser.cjs, docs/architecture.md) hold for the tree as
// it is, and they do catch what they forbid: a copy of the tree with one deliberate
// back-edge per rule fails with exactly those rules.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const appDir = join(__dirname, '..', '..');

const reportSchema = z.object({
  summary: z.object({
    violations: z.array(z.object({ from: z.string(), to: z.string(), rule: z.object({ name: z.string() }) })),
  }),
});

function cruise(dir: string, targets: string[]): Array<{ from: string; to: string; rule: string }> {
  let output: string;
  try {
    output = execFileSync(join(appDir, 'node_modules', '.bin', 'depcruise'), [...targets, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    output = z.object({ stdout: z.string() }).parse(error).stdout;
  }
  return reportSchema.parse(JSON.parse(output)).summary.violations.map((v) => ({ from: v.from, to: v.to, rule: v.rule.name }));
}

describe('dependency rules', () => {
  it('hold for src/, static/, dev/ and test/', () => {
    expect(cruise(appDir, ['src', 'static/src', 'dev', 'test'])).toEqual([]);
  });

  it('fail on a deliberate back-edge of each kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-clock-layers-'));
    try {
      for (const entry of ['src', 'static/src', 'dev', 'tsconfig.json', '.dependency-cruiser.cjs', 'package.json'])
        cpSync(join(appDir, entry), join(dir, entry), { recursive: true });
      symlinkSync(join(appDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const edges: Array<[file: string, source: string, rule: string | null]> = [
        ['src/engine/zz-back-edge.ts', "import '../rest/router';\n", 'engine-imports-only-kernel'],
        ['src/tokens/zz-back-edge.ts', "import '@forge/api';\n", 'forge-sdk-at-the-edges'],
        ['static/src/shared/zz-back-edge.ts', "import '../../../src/tokens/token-service';\n", 'static-sees-only-the-contract'],
        ['src/reporting/zz-back-edge.ts', "import '../entry/composition/app-services';\n", 'nothing-imports-entry'],
        ['src/storage/zz-back-edge.ts', "import '../../dev/host/local-host';\n", 'src-never-imports-dev-or-test'],
        ['src/kernel/zz-back-edge.ts', "import '../storage/schema';\n", 'kernel-imports-nothing'],
        ['src/tokens/zz-rest-edge.ts', "import '../rest/router';\n", 'rest-is-an-edge'],
        ['src/reporting/zz-deep-engine.ts', "import '../engine/timeline';\n", 'one-way-into-engine'],
        ['src/kernel/zz-cycle-a.ts', "import './zz-cycle-b';\nexport const a = 1;\n", 'no-cycles'],
        // The cycle is reported once, at the module depcruise meets first.
        ['src/kernel/zz-cycle-b.ts', "import './zz-cycle-a';\nexport const b = 2;\n", null],
      ];
      for (const [file, source] of edges) writeFileSync(join(dir, file), source);
      const found = cruise(dir, ['src', 'static/src']);
      for (const [file, , rule] of edges) if (rule) expect(found).toContainEqual(expect.objectContaining({ from: file, rule }));
      // Nothing else broke: every violation comes from an injected file.
      expect(found.filter((v) => !v.from.includes('/zz-'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
