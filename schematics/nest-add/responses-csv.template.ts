/** The app's response catalog as `nest add mindoff` writes it: the header and how to add codes. */
export const RESPONSES_CSV = `# The app's response codes, read by mindoff at startup (see "Your own codes" in mindoff's README).
# Add a row per code your APIs answer with; a row with a built-in code (SUCCESS, INVALID_PAYLOAD...) overrides it.
# e.g. ORDER_CREATED,Order Created,Your order has been placed.,201
code,title,description,http_status
`;
