// Colours and sizes of the preview images. Light card, outcome colours as on the site (global.css).
export const SIZE = { width: 1200, height: 630 } as const;

export const COLORS = {
  bg: '#ffffff',
  fg: '#1b1d21',
  muted: '#4f5561',
  line: '#d5d9e0',
  panel: '#f4f6f9',
  accent: '#0b57d0',
  permanent: '#a3141c',
  transient: '#7a4a00',
} as const;

export const FONT = 'Inter';
