/** Where a member travels in Lambda's REST-JSON protocol (a member without one travels in the JSON body). */
export type MemberLocation = 'label' | 'query' | 'header' | 'payload' | 'responseCode';

/** One member of a structure in the API model. */
export interface MemberSpec {
  readonly target: string;
  readonly required?: boolean;
  readonly location?: MemberLocation;
  readonly locationName?: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  /** In an event of an event stream: the member that is the event's whole body. */
  readonly eventPayload?: boolean;
}

/** A shape of the API model, reduced to what validation and routing need. */
export interface ShapeSpec {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly members?: Readonly<Record<string, MemberSpec>>;
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  /** A blob sent as a stream, or a union sent as an event stream. */
  readonly streaming?: boolean;
}

/** An operation's HTTP route, input shape and declared errors. */
export interface OperationSpec {
  readonly method: string;
  readonly uri: string;
  readonly status: number;
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
}

/** A modeled error's HTTP status and fault. */
export interface ErrorSpec {
  readonly status: number;
  readonly fault: string;
}
