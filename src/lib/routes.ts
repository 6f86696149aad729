/** The app's pages outside the map, for links from any feature. */
export const MERCHANT_PATH = '/mon-commerce'
export const REFERENCING_PATH = '/referencer'
export const CURATION_PATH = '/curation'
