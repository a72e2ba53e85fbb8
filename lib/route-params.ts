// Route parameters shared by pages and route handlers: bad ones are a 404 on pages, a 400/404 on the API.
import { z } from "zod";

export const accountIdSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
export const itemSchema = z.string().regex(/^(10|[1-9])$/, "must be an item number from 1 to 10").transform(Number);
export const scanIdSchema = z.uuid("must be a scan id");
