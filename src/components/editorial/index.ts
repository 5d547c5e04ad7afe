/** Components an article body may use without importing them (passed to `<Content components>`). */
import BodyLink from './BodyLink.astro';
import Caption from './Caption.astro';
import Duplicate from './Duplicate.astro';
import Garbled from './Garbled.astro';
import Lacuna from './Lacuna.astro';
import Note from './Note.astro';
import Sic from './Sic.astro';

export const editorialComponents = { a: BodyLink, Caption, Duplicate, Garbled, Lacuna, Note, Sic };
