// Unknown /api/v1 paths answer in the API's error envelope, not with an HTML page.
import { errorResponse } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

const missing = async () => errorResponse(new AppError("NOT_FOUND", "No such API endpoint"));
export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
