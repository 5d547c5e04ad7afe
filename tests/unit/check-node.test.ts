import { describe, expect, it } from 'vitest';
import { assertSupportedNode } from '../../scripts/check-node.mjs';

describe('the Node version guard', () => {
  it('refuses Node 20 with a message saying why and what to do', () => {
    expect(() => assertSupportedNode('20.20.2')).toThrow(/Node 20\.20\.2[\s\S]*>= 22\.12[\s\S]*npm run build/);
    expect(() => assertSupportedNode('22.11.0')).toThrow(/too old/);
  });

  it('accepts Node 22.12 and later', () => {
    expect(() => assertSupportedNode('22.12.0')).not.toThrow();
    expect(() => assertSupportedNode('24.21.0')).not.toThrow();
  });
});
