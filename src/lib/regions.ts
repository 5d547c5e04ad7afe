/** The region hierarchy (country → province → prefecture → county) as plain data. */

export interface RegionNode {
  id: string;
  name: string;
  level: string;
  parent?: string | undefined;
}

export interface RegionTreeNode<R extends RegionNode = RegionNode> {
  region: R;
  children: RegionTreeNode<R>[];
}

/** From the top of the hierarchy down to the region's parent. */
export function ancestors<R extends RegionNode>(id: string, byId: ReadonlyMap<string, R>): R[] {
  const chain: R[] = [];
  const seen = new Set<string>([id]);
  let parent = byId.get(id)?.parent;
  while (parent && !seen.has(parent)) {
    const region = byId.get(parent);
    if (!region) break;
    chain.unshift(region);
    seen.add(parent);
    parent = region.parent;
  }
  return chain;
}

/** The region itself and every region below it. */
export function descendantIds(id: string, regions: readonly RegionNode[]): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const region of regions) {
      if (region.parent && ids.has(region.parent) && !ids.has(region.id)) {
        ids.add(region.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Nested tree of all regions, siblings in Chinese collation order. */
export function regionTree<R extends RegionNode>(regions: readonly R[]): RegionTreeNode<R>[] {
  const collator = new Intl.Collator('zh-CN');
  const build = (parent: string | undefined): RegionTreeNode<R>[] =>
    regions
      .filter((r) => r.parent === parent)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((region) => ({ region, children: build(region.id) }));
  return build(undefined);
}
