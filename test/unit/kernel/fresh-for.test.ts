import { freshFor } from '../../../src/kernel/fresh-for';

function source() {
  const state = { reads: 0, value: 'a', failing: false };
  const read = async () => {
    state.reads += 1;
    if (state.failing) throw new Error('database unreachable');
    return state.value;
  };
  return { state, read };
}

describe('freshFor (a settings value kept for a stated time)', () => {
  it('keeps the value for the fresh time, then reads again', async () => {
    let now = 0;
    const { state, read } = source();
    const kept = freshFor(read, { now: () => now }, 1_000);
    expect(await kept.get()).toBe('a');
    state.value = 'b';
    now = 999;
    expect(await kept.get()).toBe('a');
    now = 1_000;
    expect(await kept.get()).toBe('b');
    expect(state.reads).toBe(2);
  });

  it('shares one read between concurrent callers', async () => {
    const { state, read } = source();
    const kept = freshFor(read, { now: () => 0 }, 1_000);
    await Promise.all([kept.get(), kept.get(), kept.get()]);
    expect(state.reads).toBe(1);
  });

  it('reads again after forget()', async () => {
    const { state, read } = source();
    const kept = freshFor(read, { now: () => 0 }, 1_000);
    await kept.get();
    state.value = 'b';
    kept.forget();
    expect(await kept.get()).toBe('b');
  });

  it('does not keep a failed read', async () => {
    const { state, read } = source();
    const kept = freshFor(read, { now: () => 0 }, 1_000);
    state.failing = true;
    await expect(kept.get()).rejects.toThrow('database unreachable');
    state.failing = false;
    expect(await kept.get()).toBe('a');
  });

  it('a failed read that was forgotten does not drop the value read after it', async () => {
    let fail: (error: Error) => void = () => undefined;
    let reads = 0;
    const kept = freshFor(
      () => {
        reads += 1;
        return reads === 1 ? new Promise<string>((_, reject) => (fail = reject)) : Promise.resolve('b');
      },
      { now: () => 0 },
      1_000,
    );
    const first = kept.get();
    kept.forget();
    expect(await kept.get()).toBe('b');
    fail(new Error('late failure'));
    await expect(first).rejects.toThrow('late failure');
    expect(await kept.get()).toBe('b');
    expect(reads).toBe(2);
  });
});
