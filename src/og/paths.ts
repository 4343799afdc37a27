// Where the preview images live, relative to the base path. Pages and the image endpoints share these.
export const entryImagePath = (id: string) => `og/${id}.png`;
export const SITE_IMAGE_PATH = 'og/site.png';
