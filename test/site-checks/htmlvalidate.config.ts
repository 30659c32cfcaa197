/**
 * html-validate configuration for the built site: the recommended preset, as is.
 * A rule turned off here must say why; none is so far.
 */
import type { ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {},
};
