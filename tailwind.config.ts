// Tailwind CSS 4 reads its theme from app/globals.css (@theme); this file names the content and dark mode.
import type { Config } from 'tailwindcss';

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  darkMode: 'class',
};

export default config;
