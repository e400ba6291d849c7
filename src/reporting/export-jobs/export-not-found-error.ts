// An export id that names nothing the caller may see: unknown, expired, or another user's.
// The REST edge answers 404 with the id echoed back, as the TISJWT wire format does.
import { echo } from '../../kernel/echo';
import { AppError } from '../../kernel/errors';

export class ExportNotFoundError extends AppError {
  readonly exportId: string;

  constructor(exportId: string, message = 'The export could not be found or you do not have permission to view it.') {
    super('NOT_FOUND', message);
    // The id comes from the path: a token pasted there is not sent back.
    this.exportId = echo(exportId);
  }
}
