import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, one-time links, CSRF tokens. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored hashed, so a read of the database does not hand out sessions or links. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
