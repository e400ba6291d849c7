// An export id that names nothing the caller may see: unknown, expired, or another user's.
// The REST edge answers 404 with the id echoed back, as the TISJWT wire format does.
import { AppError } from '../../kernel/errors';

export class ExportNotFoundError extends AppError {
  readonly exportId: string;

  constructor(exportId: string, message = 'The export could not be found or you do not have permission to view it.') {
    super('NOT_FOUND', message);
    this.exportId = exportId;
  }
}
