/** Site-wide constants: the archive's name and how long list pages are. */

export const SITE_NAME = '工会报告档案';

/** The feed's title, in the feed itself and in every page's link to it. */
export const FEED_TITLE = `${SITE_NAME} · 新收报道`;

/** The title of a region's feed, in the feed and in its page's link. */
export function regionFeedTitle(region: string): string {
  return `${SITE_NAME} · ${region} · 新收报道`;
}

/** The title of a topic's feed, in the feed and in its page's link. */
export function topicFeedTitle(topic: string): string {
  return `${SITE_NAME} · 主题：${topic} · 新收报道`;
}

/** How many reports a card list shows before paginating (fewer, longer pages: GitHub Pages counts files). */
export const PAGE_SIZE = 50;

/** Rows per page of the all-reports table (denser than the card lists). */
export const TABLE_PAGE_SIZE = 100;

/** Reports in a feed: the newest, as feed readers expect (the archive itself has every report). */
export const FEED_SIZE = 50;
