// The site's name, stated once: the header, link previews, preview images and every page title use it.
export const SITE_NAME = 'iCloud Mail reply codes';

/** A page's document title: its own title, then the site name, which appears once in every title
 *  (the home page's title starts with it). */
export const pageTitle = (title: string) => (title.includes(SITE_NAME) ? title : `${title} · ${SITE_NAME}`);
